export function AdminConsole() {
  return <p>admin</p>;
}

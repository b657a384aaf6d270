import { Link } from 'react-router';
import type { StoryCard as Card } from '../../api/stories.api.js';
import { useFormat } from '../../components/format.js';

/** One published story in a list: cover thumbnail, title, summary, who and where. */
export function StoryCard({ s, fieldName, level = 2 }: { s: Card; fieldName: (c: string) => string; level?: 2 | 3 }) {
  const f = useFormat();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <li className="card story-card" data-testid="story-card">
      {s.cover && <img className="story-card-cover" src={s.cover.thumbnailUrl} alt="" loading="lazy" />}
      <Heading className="story-card-title">
        <Link to={`/stories/${encodeURIComponent(s.id)}`}>{s.title}</Link>
      </Heading>
      <p className="story-card-meta">
        <span className="tag">{fieldName(s.field)}</span> {s.organisationName} · {s.regionName}
        {s.publishedAt && <> · {f.date(s.publishedAt)}</>}
      </p>
      <p>{s.summary}</p>
    </li>
  );
}

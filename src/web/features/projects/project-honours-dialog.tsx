import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConsoleTheme } from '../../components/console-frame.js';
import { AdminHonours } from '../honours/admin-honours.js';

/**
 * The project's honours for those who may record them (its department's admins, region and
 * system admins over it): the list with deletion and certificate images, and the "add honour"
 * dialog, in a dialog of their own. A lazy chunk of the public project page, so Ant Design
 * loads only when an admin opens it.
 */
export default function ProjectHonoursDialog(p: { projectId: string; projectName: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ConsoleTheme>
      <Modal
        open
        title={t('honours.of', { name: p.projectName })}
        footer={null}
        width={720}
        onCancel={p.onClose}
        destroyOnHidden
      >
        <AdminHonours kind="project" id={p.projectId} />
      </Modal>
    </ConsoleTheme>
  );
}

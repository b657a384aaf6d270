import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoryStatus } from '../../../common/enums.js';

/** Solid colours that keep white text at AA contrast. */
const COLOURS: Record<StoryStatus, string> = {
  draft: '#595959',
  submitted: '#0958d9',
  approved: '#237804',
  returned: '#ad4e00',
};

/** A story's review status as a tag (console). */
export function StoryStatusTag({ status }: { status: StoryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="story-status">
      {t(`stories.status.${status}`)}
    </Tag>
  );
}

import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_FIELDS } from '../../../common/enums.js';
import { useFieldName } from '../../components/labels.js';

/** The story's service field (console), labelled by `<label htmlFor={id}>` beside it. */
export function StoryFieldSelect(props: {
  id: string;
  value: string;
  onChange: (field: string) => void;
  describedBy?: string | undefined;
  testId?: string;
}) {
  const { t } = useTranslation();
  const fieldName = useFieldName();
  return (
    <Select
      id={props.id}
      style={{ minWidth: 220 }}
      value={props.value || undefined}
      placeholder={t('stories.fields.pickField')}
      onChange={props.onChange}
      aria-describedby={props.describedBy}
      options={DEFAULT_FIELDS.map((f) => ({ value: f.code, label: fieldName(f.code) }))}
      data-testid={props.testId}
    />
  );
}

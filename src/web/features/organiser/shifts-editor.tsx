import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The shifts of a new activity: start, end and places each; at least one. */
export function ShiftsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="shifts">
      {(fields, { add, remove }) => (
        <fieldset className="shifts-editor">
          <legend>{t('organiser.create.shifts')}</legend>
          {fields.map((field, i) => (
            <Space key={field.key} align="start" wrap className="shift-editor-row">
              <Form.Item
                name={[field.name, 'start']}
                label={t('organiser.create.start', { n: i + 1 })}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'end']}
                label={t('organiser.create.end', { n: i + 1 })}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input type="datetime-local" />
              </Form.Item>
              <Form.Item
                name={[field.name, 'capacity']}
                label={t('organiser.create.capacity', { n: i + 1 })}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <InputNumber min={1} max={10000} />
              </Form.Item>
              {fields.length > 1 && (
                <Button onClick={() => remove(field.name)} aria-label={t('organiser.create.removeShift', { n: i + 1 })}>
                  {t('organiser.create.remove')}
                </Button>
              )}
            </Space>
          ))}
          <Button onClick={() => add({ capacity: 10 })}>{t('organiser.create.addShift')}</Button>
        </fieldset>
      )}
    </Form.List>
  );
}

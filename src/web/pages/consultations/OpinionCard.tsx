import { CloseOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../contract/plans';
import { itemLabel, type DraftOpinion } from './reply-draft';

interface OpinionCardProps {
  index: number;
  opinion: DraftOpinion;
  items: readonly PlanItem[];
  active: boolean;
  /** Problems to show once the unit has tried to save. */
  showErrors: boolean;
  onChange: (patch: Partial<DraftOpinion>) => void;
  onRemove: () => void;
  onFocus: () => void;
}

/** One opinion in the reply editor: its item, the quoted passage, the opinion, the wording suggested and the reason. */
export default function OpinionCard({ index, opinion, items, active, showErrors, onChange, onRemove, onFocus }: OpinionCardProps) {
  const { t } = useTranslation('consultation');
  const noItem = showErrors && opinion.itemOrdinal === null;
  const noContent = showErrors && !opinion.content.trim();
  const changeItem = (ordinal: number) => {
    const item = items.find((i) => i.ordinal === ordinal);
    // A quote belongs to its item: moving the opinion to another item drops a quote outside it.
    const keepQuote = opinion.span && item && item.span[0] <= opinion.span[0] && opinion.span[1] <= item.span[1];
    onChange(keepQuote ? { itemOrdinal: ordinal } : { itemOrdinal: ordinal, quote: null, span: null });
  };
  return (
    <div
      className={`consult-opinion-card${active ? ' consult-opinion-active' : ''}`}
      onFocusCapture={onFocus}
      onMouseEnter={onFocus}
      data-testid="opinion-card"
    >
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {t('reply.opinionN', { n: index + 1 })}
        </Typography.Text>
        <Select<number>
          size="small"
          value={opinion.itemOrdinal ?? undefined}
          placeholder={t('reply.itemPlaceholder')}
          status={noItem ? 'error' : undefined}
          onChange={changeItem}
          options={items.map((item) => ({ value: item.ordinal, label: itemLabel(item) }))}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={420}
          style={{ flex: 1, minWidth: 0 }}
          aria-label={t('reply.item')}
          data-testid="opinion-item"
        />
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('reply.remove')} data-testid="opinion-remove" />
      </Flex>
      {opinion.quote && (
        <Flex gap={6} align="flex-start" style={{ marginBottom: 8 }}>
          <span className="consult-quote" style={{ flex: 1 }} data-testid="opinion-quote">
            {opinion.quote}
          </span>
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            title={t('reply.dropQuote')}
            aria-label={t('reply.dropQuote')}
            onClick={() => onChange({ quote: null, span: null })}
          />
        </Flex>
      )}
      <Form layout="vertical" component="div" size="small">
        <Form.Item
          label={t('reply.content')}
          required
          validateStatus={noContent ? 'error' : undefined}
          help={noContent ? t('reply.contentRequired') : undefined}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            value={opinion.content}
            onChange={(event) => onChange({ content: event.target.value })}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            placeholder={t('reply.contentPlaceholder')}
            data-testid="opinion-content-input"
          />
        </Form.Item>
        <Form.Item label={t('reply.suggestion')} style={{ marginBottom: 8 }}>
          <Input.TextArea
            value={opinion.suggestion}
            onChange={(event) => onChange({ suggestion: event.target.value })}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={5000}
            placeholder={t('reply.suggestionPlaceholder')}
            data-testid="opinion-suggestion-input"
          />
        </Form.Item>
        <Form.Item label={t('reply.reason')} style={{ marginBottom: 0 }}>
          <Input.TextArea
            value={opinion.reason}
            onChange={(event) => onChange({ reason: event.target.value })}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={5000}
            data-testid="opinion-reason-input"
          />
        </Form.Item>
      </Form>
    </div>
  );
}

import { Alert, Flex, InputNumber, Modal, Skeleton, Statistic, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allocationSummary } from './ledger-view';
import { testId, useUnitNames } from './ledger-ui';
import { useAllocate, useIndicator } from './queries';

/**
 * Divides an indicator's target (or the share the reader's level holds) among the units below
 * it: the allocated total and the remainder move as the shares are typed, and going over is
 * shown before the server refuses it (the server's refusal is shown too, in its words).
 */
export default function AllocationModal({ indicatorId, onClose }: { indicatorId: number; onClose: () => void }) {
  const { t } = useTranslation('ledger');
  const indicator = useIndicator(indicatorId);
  const allocate = useAllocate(indicatorId);
  const unitName = useUnitNames();
  const [edited, setEdited] = useState<Record<number, number | null>>({});
  const i = indicator.data;
  const level = i?.level;
  const current = new Map((i?.units ?? []).map((u) => [u.unitId, u.allocated]));
  const valueOf = (unitId: number) => (unitId in edited ? edited[unitId] : (current.get(unitId) ?? null));
  const children = level?.childUnitIds ?? [];
  const summary = allocationSummary(level?.available ?? null, children.map(valueOf));
  const save = () =>
    allocate.mutate(
      children.flatMap((unitId) => {
        const v = valueOf(unitId);
        return v === null || v === undefined ? [] : [{ unitId, value: v }];
      }),
      { onSuccess: onClose },
    );

  return (
    <Modal
      open
      width={640}
      title={i ? t('allocation.title', { subject: i.subject }) : ''}
      onCancel={onClose}
      onOk={save}
      okText={t('allocation.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !level?.canAllocate || summary.over, loading: allocate.isPending, ...testId('allocation-save') }}
      destroyOnHidden
    >
      <div data-testid="allocation-modal">
        {!i || !level ? (
          <Skeleton active />
        ) : (
          <Flex vertical gap={12}>
            {!level.canAllocate && <Alert type="info" showIcon title={t('allocation.cannot')} />}
            <Flex gap={24} wrap>
              <Statistic title={t('allocation.held')} value={level.available ?? '—'} suffix={i.unit} />
              <Statistic title={t('allocation.allocated')} value={summary.allocated} suffix={i.unit} data-testid="allocation-total" />
              <Statistic
                title={t('allocation.remainder')}
                value={summary.remainder ?? '—'}
                suffix={i.unit}
                styles={{ content: summary.over ? { color: '#f5222d' } : {} }}
                data-testid="allocation-remainder"
              />
            </Flex>
            {summary.over && <Alert type="error" showIcon title={t('allocation.over', { value: -(summary.remainder ?? 0), unit: i.unit })} data-testid="allocation-over" />}
            {allocate.error && <Alert type="error" showIcon title={allocate.error.message} data-testid="allocation-error" />}
            <div className="ledger-table-box" style={{ maxHeight: 420, overflowY: 'auto' }}>
              <Table
                size="small"
                rowKey={(id) => id}
                pagination={false}
                dataSource={children}
                columns={[
                  { title: t('allocation.unit'), render: (_, id) => unitName(id) },
                  {
                    title: t('allocation.value'),
                    render: (_, id) => (
                      <InputNumber
                        min={0}
                        value={valueOf(id)}
                        disabled={!level.canAllocate}
                        onChange={(v) => setEdited((prev) => ({ ...prev, [id]: typeof v === 'number' ? v : null }))}
                        aria-label={unitName(id)}
                        data-testid={`allocation-${id}`}
                      />
                    ),
                  },
                  { title: t('allocation.actual'), render: (_, id) => i.units.find((u) => u.unitId === id)?.actual ?? '—' },
                ]}
              />
            </div>
          </Flex>
        )}
      </div>
    </Modal>
  );
}

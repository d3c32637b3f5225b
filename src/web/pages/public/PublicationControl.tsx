import { App, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePlanPublication, useSetPlanPublication } from './queries';

type Choice = 'off' | 'lights' | 'completion';

/**
 * The provincial office's switch for a published (印发) plan: not public, lights and
 * completion, or completion only, on the public pages; with a link to the public page.
 */
export default function PublicationControl({ planId }: { planId: number }) {
  const { t } = useTranslation('public');
  const { message } = App.useApp();
  const publication = usePlanPublication(planId, true);
  const set = useSetPlanPublication(planId);
  if (!publication.data) return null;
  const value: Choice = publication.data.show ?? 'off';
  const choose = (choice: Choice) =>
    set.mutateAsync(choice === 'off' ? null : choice).then(
      () => void message.success(t('control.saved')),
      (error: Error) => void message.error(error.message),
    );
  return (
    <Flex align="center" gap={8} wrap data-testid="plan-publication">
      <span>{t('control.label')}</span>
      <Select<Choice>
        size="small"
        value={value}
        loading={set.isPending}
        onChange={(choice) => void choose(choice)}
        style={{ minWidth: 180 }}
        data-testid="plan-publication-select"
        options={(['off', 'lights', 'completion'] as const).map((c) => ({ value: c, label: t(`control.${c}`) }))}
      />
      {publication.data.published && (
        <Link to={`/public/plans/${planId}`} target="_blank" data-testid="plan-publication-link">
          {t('control.view')}
        </Link>
      )}
    </Flex>
  );
}

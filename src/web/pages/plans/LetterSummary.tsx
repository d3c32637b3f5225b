import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverLetter } from '../../../contract/plans';

/** What the cover letter says: who sends it, when, the reply deadline and whom to contact. */
export default function LetterSummary({ letter }: { letter: CoverLetter }) {
  const { t } = useTranslation();
  const items: DescriptionsProps['items'] = [];
  const add = (key: string, label: string, children: ReactNode) => items.push({ key, label, children });
  if (letter.issuer) add('issuer', t('plan.letter.issuer'), letter.issuer);
  if (letter.date) add('date', t('plan.letter.date'), letter.date);
  if (letter.deadline) add('deadline', t('plan.letter.deadline'), <strong data-testid="letter-deadline">{letter.deadline}</strong>);
  if (letter.recipients.length > 0) add('recipients', t('plan.letter.recipients'), letter.recipients.join('、'));
  if (letter.contacts.length > 0) {
    add(
      'contacts',
      t('plan.letter.contacts'),
      letter.contacts.map((contact, i) => (
        <div key={i}>
          {[
            contact.name,
            contact.phones.length > 0 ? t('plan.letter.phone', { numbers: contact.phones.join('、') }) : null,
            contact.faxes.length > 0 ? t('plan.letter.fax', { numbers: contact.faxes.join('、') }) : null,
          ]
            .filter(Boolean)
            .join(' ')}
        </div>
      )),
    );
  }
  if (letter.emails.length > 0) {
    add(
      'emails',
      t('plan.letter.emails'),
      letter.emails.map((email, i) => (
        <span key={email}>
          {i > 0 && '、'}
          <a href={`mailto:${email}`}>{email}</a>
        </span>
      )),
    );
  }
  if (letter.attachments.length > 0) add('attachments', t('plan.letter.attachments'), letter.attachments.join('；'));
  if (items.length === 0) return null;
  return (
    <Card size="small" title={letter.title ?? t('plan.letter.title')} style={{ marginBottom: 16 }} data-testid="plan-letter">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}

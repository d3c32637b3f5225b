/** A person-readable tree of a parsed plan, for `luoshi parse FILE` without --json. */
import type { ParsedPlan, Responsible, Target } from '../model/plan.js';

const ROLE_LABEL = { lead: '牵头', cooperate: '配合', localities: '地方' } as const;

export function formatTree(plan: ParsedPlan): string {
  const out: string[] = [];
  out.push(`《${plan.title || '(无标题)'}》`);
  const l = plan.letter;
  if (l) {
    out.push(`来函:${l.title ?? '(无标题)'}`);
    if (l.issuer || l.date) out.push(`  发文:${l.issuer ?? '?'} ${l.date ?? ''}`.trimEnd());
    if (l.recipients.length) out.push(`  主送:${l.recipients.join('、')}`);
    if (l.deadline) out.push(`  反馈截止:${l.deadline}`);
    for (const c of l.contacts) {
      const parts = [c.name || '(未署名)'];
      if (c.phones.length) parts.push(`电话 ${c.phones.join(', ')}`);
      if (c.faxes.length) parts.push(`传真 ${c.faxes.join(', ')}`);
      out.push(`  联系人:${parts.join(';')}`);
    }
    if (l.emails.length) out.push(`  邮箱:${l.emails.join(', ')}`);
    for (const a of l.attachments) out.push(`  附件:${a}`);
  }
  const bySection = new Map<number | null, typeof plan.items>();
  for (const item of plan.items) {
    const list = bySection.get(item.section) ?? [];
    list.push(item);
    bySection.set(item.section, list);
  }
  const printItems = (section: number | null, indent: string): void => {
    for (const item of bySection.get(section) ?? []) {
      out.push(`${indent}${item.number || '·'} ${item.title}  [#${item.ordinal}]`);
      const roles = formatRoles(item.responsible);
      if (roles) out.push(`${indent}    责任:${roles}`);
      for (const t of item.targets) out.push(`${indent}    目标:${formatTarget(t)}`);
    }
  };
  printItems(null, '');
  for (const s of plan.sections) {
    out.push(`${s.number}、${s.title}`);
    printItems(s.ordinal, '  ');
  }
  if (plan.warnings.length) {
    out.push(`提示(${plan.warnings.length}):`);
    for (const w of plan.warnings) out.push(`  [${w.code}] ${w.message} @${w.span[0]}-${w.span[1]}`);
  }
  return out.join('\n') + '\n';
}

function formatRoles(list: Responsible[]): string {
  const parts: string[] = [];
  for (const role of ['lead', 'cooperate', 'localities'] as const) {
    const names = list
      .filter((r) => r.role === role)
      .map((r) => {
        let s = r.unit ?? `${r.raw}(?)`;
        if (r.unit && r.unit !== r.raw) s = `${r.unit}←${r.raw}`;
        if (r.role === 'localities') s = r.expands.length ? `${r.raw}(${r.expands.length})` : r.raw;
        return s;
      });
    if (names.length) parts.push(`${ROLE_LABEL[role]} ${names.join('、')}`);
  }
  return parts.join(';');
}

function formatTarget(t: Target): string {
  const cmp = t.comparator === 'range' ? `${t.value}–${t.max ?? '?'}` : `${t.comparator === '=' ? '' : t.comparator}${t.value}`;
  const bits = [`${cmp} ${t.unit}`];
  if (t.subject) bits.push(t.subject);
  if (t.scope) bits.push(`@${t.scope}`);
  if (t.year !== null) bits.push(`${t.year}年`);
  if (t.confidence < 0.7) bits.push(`(待核 ${t.confidence})`);
  return `${bits.join(' ')}  ← “${t.raw}”`;
}

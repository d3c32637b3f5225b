import { fail } from '../domain/errors.js';
import type { Actor } from '../domain/policy.js';
import { isRole } from '../domain/roles.js';
import type { ServiceContext } from './support/context.js';
import { closeConsultation } from './close-consultation.js';
import { createPlanVersion } from './create-plan-version.js';
import { decideOpinions } from './decide-opinions.js';
import { draftReply } from './draft-reply.js';
import type { DraftReplyInput } from './draft-reply.js';
import { getRedline } from './get-redline.js';
import { linkChangeOpinions } from './link-change-opinions.js';
import { openConsultation } from './open-consultation.js';
import { publishNotice } from './publish-notice.js';
import { sealReply } from './seal-reply.js';
import { loadVersion } from './support/plan-rows.js';

/** China time, as people in the office would say it. */
const at = (local: string) => ({ now: () => new Date(`${local}+08:00`) });

interface DemoReply {
  unit: string;
  sealedAt: string;
  reply: DraftReplyInput;
}

/**
 * The seed's consultation as it could have gone: sent on 15 July 2021 to the 22 member
 * units with the real deadline (21 July); 省教育厅 replied 无意见, four units sent opinions on
 * items (二), (三) and (十五) — 省人社厅 two days late — the rest did not reply (逾期未反馈);
 * the office then closed it.
 * Version 2 answers the adopted opinion with a linked change; the office then decides the
 * last two opinions and publishes the adoption notice (意见采纳情况), which the public pages link.
 * Every step goes through the use cases as the demo users, so it is sealed and audited
 * like real work.
 */
export async function loadDemoConsultation(planId: number, base: ServiceContext): Promise<void> {
  const actors = new Map<string, Actor>();
  for (const u of await base.db.selectFrom('users').select(['id', 'login', 'unit_id', 'role']).execute()) {
    if (isRole(u.role)) actors.set(u.login, { kind: 'user', userId: u.id, login: u.login, unitId: u.unit_id, role: u.role });
  }
  const as = (login: string, local: string): ServiceContext => {
    const actor = actors.get(login);
    if (!actor) throw fail('demo_account_missing', { login });
    return { ...base, actor, clock: at(local) };
  };

  const consultation = await openConsultation(planId, {}, as('office', '2021-07-15T10:00:00'));
  const replies: DemoReply[] = [
    { unit: 'hn-jyt', sealedAt: '2021-07-18T09:30:00', reply: { noOpinion: true } },
    {
      unit: 'hn-gat',
      sealedAt: '2021-07-19T16:10:00',
      reply: {
        opinions: [
          {
            itemOrdinal: 2,
            quote: '4.35万套',
            content: '长沙市保障性租赁住房开工任务建议与国家下达计划保持一致。',
            suggestion: '指导长沙市完成国家下达的保障性租赁住房开工任务',
            reason: '国家年度计划尚未最终下达，写死具体数字容易与后续下达任务不一致。',
          },
        ],
      },
    },
    {
      unit: 'hn-fgw',
      sealedAt: '2021-07-20T11:00:00',
      reply: {
        opinions: [{ itemOrdinal: 15, content: '建议明确特色小镇清单动态调整的评估时间和退出条件。', reason: '便于各市州对照执行。' }],
      },
    },
    {
      unit: 'hn-zjt',
      sealedAt: '2021-07-21T17:45:00',
      reply: {
        opinions: [
          { itemOrdinal: 2, content: '建议增加"支持新市民、青年人租房"的表述。', suggestion: '在"完善住房保障体系"后增加"着力解决新市民、青年人等群体住房困难"' },
          { itemOrdinal: 15, content: '特色小镇培育建议与全省特色产业小镇名单衔接。' },
        ],
      },
    },
    {
      unit: 'hn-rst',
      sealedAt: '2021-07-23T09:00:00',
      reply: { opinions: [{ itemOrdinal: 3, content: '建议将"职业技能提升行动"表述为"职业技能提升行动和以工代训"。' }] },
    },
  ];
  for (const r of replies) {
    const draft = await draftReply(consultation.id, r.reply, as(`${r.unit}.reporter`, r.sealedAt.replace(/T\d\d/, 'T08')));
    await sealReply(draft.id, {}, as(`${r.unit}.signatory`, r.sealedAt));
  }

  const opinions = await base.db
    .selectFrom('opinions')
    .innerJoin('replies', 'replies.id', 'opinions.reply_id')
    .innerJoin('units', 'units.id', 'replies.unit_id')
    .select(['opinions.id', 'units.code', 'opinions.item_ordinal', 'opinions.position'])
    .where('replies.consultation_id', '=', consultation.id)
    .execute();
  const opinion = (code: string, item: number) => opinions.find((o) => o.code === code && o.item_ordinal === item)!.id;
  // The office stopped taking replies once the late one was in.
  await closeConsultation(consultation.id, as('office', '2021-07-26T09:00:00'));
  const office = as('office', '2021-07-26T15:00:00');
  await decideOpinions([opinion('hn-gat', 2)], { disposition: 'adopted' }, office);
  await decideOpinions([opinion('hn-zjt', 2)], { disposition: 'partly_adopted', reason: '住房保障体系的表述已涵盖，在实施方案中细化。' }, office);
  await decideOpinions([opinion('hn-rst', 3)], { disposition: 'rejected', reason: '以工代训政策已于2020年底到期，不再列入。' }, office);

  const v1 = await loadVersion(base.db, planId, 1);
  const v2text = v1.text.replace('指导长沙市完成4.35万套保障性租赁住房开工任务', '指导长沙市完成国家下达的保障性租赁住房开工任务');
  const revising = as('office', '2021-07-28T10:00:00');
  await createPlanVersion(planId, { bytes: Buffer.from(v2text, 'utf8'), filename: '2021年湖南省新型城镇化工作要点（修改稿）.txt', mediaType: 'text/plain' }, revising);
  const view = await getRedline(planId, { from: 1, to: 2 }, revising);
  const change = view.changes.find((c) => c.kind === 'modify');
  if (change) await linkChangeOpinions(planId, 2, { changeKey: change.key, opinionIds: [opinion('hn-gat', 2)] }, revising);

  const deciding = as('office', '2021-07-29T16:00:00');
  await decideOpinions([opinion('hn-fgw', 15)], { disposition: 'rejected', reason: '特色小镇清单的评估时间和退出条件由清单管理办法另行规定，工作要点不作细化。' }, deciding);
  await decideOpinions([opinion('hn-zjt', 15)], { disposition: 'rejected', reason: '特色产业小镇名单由主管部门另行管理，两份名单的衔接在年度评估中统筹考虑。' }, deciding);
  await publishNotice(consultation.id, as('office', '2021-07-30T10:00:00'));
}

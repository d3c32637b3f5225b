// The public pages' own strings (a plan's progress, the portal's list of plans), zh-CN first:
// the i18next namespace "public". `public.en.ts` must have exactly the same keys (the type checks it).

const publicZhCN = {
  portal: {
    lead: '以下为办公室公开发布的工作进展、统计指标、专项清单和征求意见采纳情况。',
    plans: '工作进展',
    planLine: '{{count}} 项任务，已销号 {{closed}} 项，平均完成 {{percent}}',
    updated: '更新于 {{time}}',
  },
  control: {
    label: '公开进展',
    off: '不公开',
    lights: '公开亮灯和完成情况',
    completion: '只公开完成情况',
    view: '查看公开页面',
    saved: '公开设置已更新',
  },
  plan: {
    heading: '工作推进情况',
    version: '第 {{version}} 稿（印发稿）',
    publishedOn: '印发于 {{date}}',
    updated: '最后更新：{{time}}',
    tasks: '任务',
    closed: '已销号',
    percent: '平均完成',
    lights: { green: '绿灯', yellow: '黄灯', red: '红灯' },
    legend: '绿灯：按进度推进；黄灯：进度滞后或调度报送滞后；红灯：严重滞后、多次未报送或逾期未完成。灯色由系统按统一规则计算。',
    completionNote: '完成比例为牵头单位报送、经办公室审核通过的最近一次数据；已销号任务按 100% 计。',
    lead: '牵头单位：{{unit}}',
    due: '完成时限：{{date}}',
    done: '已销号',
    complete: '完成 {{percent}}%',
    noFigure: '暂无审核通过的进展',
    sectionLine: '{{count}} 项任务 · 平均完成 {{percent}}',
    otherSection: '其他任务',
    notices: '征求意见采纳情况',
    back: '返回公开信息',
    notFound: '该工作进展未公开或不存在',
  },
};

export type PublicCatalogue = typeof publicZhCN;
export default publicZhCN;

import { parsePlan } from './src/parse/parse-plan.js';
import { hunanResolver } from './src/catalog/registry-resolver.js';
const docs: Record<string, string> = {
host: `某省2023年工作要点
一、重点任务
(一)推进园区建设。新增用地1000亩。(主办单位:省发展改革委;协办单位:省财政厅、省统计局)
(二)完善社会保障。(主责单位:省人力资源社会保障厅;参与单位:省财政厅、省民政厅)
(三)加强生态保护。
主办单位:省生态环境厅
协办单位:省林业局、省水利厅
(四)推進交通建設。(主辦單位:省交通運輸廳;協辦單位:省財政廳)
(五)發展職業教育。(主責單位:省教育廳;參與單位:省人力資源社會保障廳)
(六)加强安全生产。(省应急管理厅配合省公安厅落实)
(七)推进乡村振兴。(省财政厅、省自然资源厅配合省农业农村厅负责)
(八)优化营商环境。省市场监管局配合省发展改革委落实。
`,
unnumbered: `某省2023年工作要点
一、加快产业转型
1.推进园区建设
支持园区扩区调位,新增用地1000亩。(省发展改革委牵头,省自然资源厅配合)
实施园区标准化厂房建设。(省工业和信息化厅负责)
2.完善社会保障
提高城乡居民基础养老金。(省人力资源社会保障厅牵头)
（1）扩大覆盖面。(省民政厅负责)
二、改善民生
1.发展教育
新建中小学50所。（省教育厅负责）
`,
};
for (const [k, text] of Object.entries(docs)) {
  const p = parsePlan(text, { resolver: hunanResolver() });
  console.log('==', k, 'sections', p.sections.map((s) => s.number + s.title).join(' | '));
  for (const i of p.items) console.log(JSON.stringify(i.number), i.title, '→', i.responsible.map((r) => `${r.raw}=${r.unit}/${r.role}`).join(', '));
  for (const w of p.warnings) console.log('  !', w.code, w.message);
}

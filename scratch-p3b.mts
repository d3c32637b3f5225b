import { parsePlan } from './src/parse/parse-plan.js';
import { hunanResolver } from './src/catalog/registry-resolver.js';
const docs: Record<string, string> = {
period: `某省2023年工作要点
一、加快产业转型
1.推进园区建设
支持园区扩区调位,新增用地1000亩(省发展改革委牵头,省自然资源厅配合)。
实施园区标准化厂房建设(省工业和信息化厅负责)。
2.完善社会保障
提高城乡居民基础养老金。(省人力资源社会保障厅牵头)
扩大失业保险覆盖面。(省民政厅负责)
`,
label: `某省2023年工作要点
一、加快产业转型
（一）推进园区建设
支持园区扩区调位,新增用地1000亩。责任单位:省发展改革委、省自然资源厅
实施园区标准化厂房建设。责任单位:省工业和信息化厅
（二）完善社会保障
1.提高城乡居民基础养老金。(省人力资源社会保障厅牵头)
2.扩大失业保险覆盖面。(省民政厅负责)
`,
sub: `某省2023年工作要点
一、加快产业转型
1.推进园区建设
支持园区扩区调位,新增用地1000亩。(省发展改革委牵头,省自然资源厅配合)
（1）实施园区标准化厂房建设。(省工业和信息化厅负责)
（2）建设创新平台。(省科技厅负责)
`,
};
for (const [k, text] of Object.entries(docs)) {
  const p = parsePlan(text, { resolver: hunanResolver() });
  console.log('==', k, 'sections', p.sections.map((s) => s.number + s.title).join(' | '));
  for (const i of p.items) console.log(JSON.stringify(i.number), i.title, '→', i.responsible.map((r) => `${r.raw}=${r.unit}/${r.role}`).join(', '));
  for (const w of p.warnings) console.log('  !', w.code, w.message);
}

import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

type Value = string | number | boolean | Date | null;

/** A plausible 老旧小区 row in template column order; `overrides` change or blank fields. */
export function oldCommunityRow(overrides: Record<string, Value>): Record<string, Value> {
  return {
    项目名称: '老旧小区改造项目',
    市州: '岳阳市',
    县市区: '岳阳楼区',
    小区名称: '示例小区',
    建成年代: 1995,
    户数: 240,
    楼栋数: 6,
    '建筑面积(万平方米)': 1.8,
    '总投资(万元)': 860,
    计划开工: '2021-03-01',
    实际开工: '2021-04-15',
    完工日期: null,
    改造内容: '管网改造、加装电梯',
    状态: '在建',
    ...overrides,
  };
}

/** A workbook with the rows under the header, as a clerk would fill the template. */
export async function workbookOf(rows: Record<string, Value>[], header = Object.keys(rows[0] ?? oldCommunityRow({}))): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(header.map((h) => r[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip written by hand, so tests can make archives that lie (declared sizes) or expand hugely. */
export function zipOf(entries: [string, Buffer][], opts: { declaredSize?: (name: string, real: number) => number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const size = opts.declaredSize ? opts.declaredSize(name, data.length) : data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

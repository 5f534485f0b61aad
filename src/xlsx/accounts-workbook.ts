/**
 * 账号表.xlsx: the office accounts of a round with their one-time passwords, for the coordinating office
 * to hand out. Every value is written as plain text (never a formula), whatever characters it holds.
 */
import ExcelJS from 'exceljs';

export interface AccountSheetRow {
  office: string;
  contact: string | null;
  phone: string | null;
  username: string;
  password: string | null;
}

export async function writeAccountsWorkbook(
  rows: readonly AccountSheetRow[],
  info: { round: string; signInUrl: string; issuedAt: string },
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('账号表');
  ws.columns = [
    { header: '单位', width: 28 },
    { header: '联系人', width: 12 },
    { header: '电话', width: 16 },
    { header: '用户名', width: 28 },
    { header: '初始密码', width: 22 },
  ];
  for (const r of rows) {
    ws.addRow([
      r.office,
      r.contact ?? '',
      r.phone ?? '',
      r.username,
      r.password ?? '（已有账号，未重置密码）',
    ]);
  }
  ws.getRow(1).font = { bold: true };
  ws.addRow([]);
  ws.addRow([`填报轮次：${info.round}`]);
  ws.addRow([`登录地址：${info.signInUrl}`]);
  ws.addRow([`生成时间：${info.issuedAt}`]);
  ws.addRow(['初始密码只能使用一次：首次登录后须修改密码。请逐单位分发，妥善保管，不要通过公开渠道传送。']);
  // Text as text: a value starting with "=" stays a string because it is written as a string value.
  ws.eachRow((row) => row.eachCell((c) => (c.numFmt = '@')));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

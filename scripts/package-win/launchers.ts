/**
 * The files a Windows user double-clicks, beside node\ and app\ in the unzipped folder: 启动落实.cmd,
 * 停止落实.cmd, 备份数据.cmd, and README-Windows.txt. cmd.exe reads a batch file in the console's code
 * page, which on Chinese Windows is GBK (936), so the .cmd files are encoded in GBK with CRLF line ends;
 * the README is UTF-8 with a BOM so Notepad shows it right.
 */
import iconv from 'iconv-lite';

export const DEFAULT_PORT = 8080;
/** The console window's title; 停止落实.cmd finds the server by it. */
export const WINDOW_TITLE = 'luoshi-server';

const crlf = (lines: string[]): string => lines.join('\r\n') + '\r\n';

/** Lines every script starts with: run from its own folder, the port and the paths in one place. */
const prologue = (): string[] => [
  '@echo off',
  'setlocal',
  'cd /d "%~dp0"',
  `set "PORT=${DEFAULT_PORT}"`,
  'if exist "%~dp0端口.txt" set /p PORT=<"%~dp0端口.txt"',
  'set "NODE=%~dp0node\\node.exe"',
  'set "LUOSHI=%~dp0app\\bin\\luoshi.mjs"',
  'set "DATA=%~dp0data"',
];

export function startScript(): string {
  return crlf([
    ...prologue(),
    'title 落实服务器启动',
    'if not exist "%DATA%\\" (',
    '  echo 首次启动：正在创建数据库和管理员账号……',
    '  "%NODE%" "%LUOSHI%" serve init --data "%DATA%" --admin admin > "%~dp0管理员初始密码.txt" 2>&1',
    '  if errorlevel 1 (',
    '    type "%~dp0管理员初始密码.txt"',
    '    echo 创建数据库失败，请把以上信息发给技术支持。',
    '    pause',
    '    exit /b 1',
    '  )',
    '  echo 管理员账号 admin 的初始密码保存在“管理员初始密码.txt”中，首次登录后请修改密码并删除该文件。',
    ')',
    `start "${WINDOW_TITLE}" /min "%NODE%" "%LUOSHI%" serve --data "%DATA%" --port %PORT%`,
    'echo 正在启动落实服务器（端口 %PORT%），请稍候……',
    'set /a TRIES=0',
    ':wait',
    'timeout /t 1 /nobreak >nul',
    'set /a TRIES+=1',
    'curl.exe -s -f -o nul "http://127.0.0.1:%PORT%/api/health" && goto ready',
    'if %TRIES% lss 60 goto wait',
    'echo 服务器 60 秒内没有启动。请查看标题为 luoshi-server 的窗口中的提示，或确认端口 %PORT% 未被占用。',
    'pause',
    'exit /b 1',
    ':ready',
    'start "" "http://127.0.0.1:%PORT%/#/login"',
    'echo 落实已启动：浏览器中打开 http://127.0.0.1:%PORT%/ 即可使用。本机以外的电脑请用本机的 IP 地址访问。',
    'echo 关闭时请双击“停止落实.cmd”。',
    'timeout /t 5 >nul',
  ]);
}

export function stopScript(): string {
  return crlf([
    ...prologue(),
    `taskkill /fi "WINDOWTITLE eq ${WINDOW_TITLE}*" /t >nul 2>&1`,
    'timeout /t 3 /nobreak >nul',
    `tasklist /fi "WINDOWTITLE eq ${WINDOW_TITLE}*" | find /i "node.exe" >nul && taskkill /fi "WINDOWTITLE eq ${WINDOW_TITLE}*" /t /f >nul 2>&1`,
    'echo 落实服务器已停止。',
    'timeout /t 3 >nul',
  ]);
}

export function backupScript(): string {
  return crlf([
    ...prologue(),
    'if not exist "%~dp0备份\\" mkdir "%~dp0备份"',
    'for /f %%i in (\'powershell -NoProfile -Command "Get-Date -Format yyyyMMdd-HHmmss"\') do set "STAMP=%%i"',
    'set "OUT=%~dp0备份\\落实备份-%STAMP%.tar"',
    'echo 正在备份数据到 %OUT% ……（服务器运行时也可以备份）',
    '"%NODE%" "%LUOSHI%" serve backup --data "%DATA%" -o "%OUT%"',
    'if errorlevel 1 (',
    '  echo 备份失败，请把以上信息发给技术支持。',
    ') else (',
    '  echo 备份完成：%OUT%',
    '  echo 请把备份文件另外保存到其他电脑或移动硬盘。',
    ')',
    'pause',
  ]);
}

export function readme(nodeVersion: string): string {
  return (
    '\uFEFF' +
    crlf([
      '落实（政策文件目标任务落实情况跟踪）· Windows 版',
      '',
      '使用方法',
      '1. 把整个压缩包解压到一个固定的文件夹（例如 D:\\落实），不要在压缩包里直接运行。',
      '2. 双击“启动落实.cmd”。第一次启动会创建数据库（data 文件夹）和管理员账号 admin，',
      '   初始密码写在“管理员初始密码.txt”里；首次登录后请修改密码并删除该文件。',
      '3. 浏览器会自动打开登录页面：http://127.0.0.1:8080/ 。其他单位的电脑用本机 IP 地址访问，',
      '   例如 http://192.168.1.10:8080/（可能需要在 Windows 防火墙中允许 node.exe）。',
      '4. 关闭：双击“停止落实.cmd”。',
      '5. 备份：双击“备份数据.cmd”，备份文件保存在“备份”文件夹；请定期复制到其他电脑或移动硬盘。',
      '',
      '说明',
      '- 所有数据都在 data 文件夹中；升级时保留 data 文件夹即可。',
      '- 要换端口：新建“端口.txt”，只写一个端口号（例如 8090）。',
      '- 不需要安装任何软件，也不需要连接互联网；浏览器建议使用 Chrome、Edge 或 360/奇安信浏览器的极速模式。',
      `- 自带 Node.js ${nodeVersion}（node 文件夹）；程序在 app 文件夹。`,
    ])
  );
}

/** The .cmd files as Windows reads them: GBK bytes. */
export function cmdBytes(text: string): Uint8Array {
  return iconv.encode(text, 'gbk');
}

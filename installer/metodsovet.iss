; Inno Setup 6.3 or newer (ArchitecturesAllowed=x64compatible) script for Metodsovet: a per-user
; install of the PyInstaller one-folder bundle.
; Build on Windows: installer\build.ps1 (it runs PyInstaller, then ISCC on this file).
; The bundle layout it installs as is (dist\metodsovet\ -> {app}\):
;   metodsovet.exe                      the program (windowed; icon and version resource from the spec)
;   _internal\                          Python, Qt and the libraries, and the program's files:
;     PySide6\plugins\platforms\qwindows.dll, qoffscreen.dll (no Qt\ level on Windows; Linux has
;       PySide6/Qt/plugins), PySide6\translations\qtbase_kk.qm, qtbase_ru.qm
;     resources\fonts\DejaVuSerif*.ttf + LICENSE-DejaVu.txt, resources\icons\metodsovet.ico,
;       resources\academic-years.json, resources\demo-school.json
;     translations\kk|ru\LC_MESSAGES\messages.po (compiled at run time into the user's data folder)
;     desktop_app\storage\migrations\ (Alembic), desktop_app\services\exchange\schema.json
; The program writes nothing under {app}: database, backups, compiled catalogs and logs are in
; %LOCALAPPDATA%\Metodsovet\Metodsovet (platformdirs), which the uninstaller leaves alone.

#define AppName "Metodsovet"
#define AppVersion GetEnv("METODSOVET_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif
#define AppPublisher "Metodsovet team"
#define AppExe "metodsovet.exe"
#define Bundle "..\dist\metodsovet"

[Setup]
AppId={{6F0C9B2E-5E43-4C8A-9E1D-2B7A53E0A253}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoCompany={#AppPublisher}
VersionInfoDescription=Metodsovet setup
; Per-user by default: no administrator rights needed on a school PC; an administrator may still
; choose "for all users" in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\dist
OutputBaseFilename=metodsovet-setup-{#AppVersion}
SetupIconFile=..\resources\icons\metodsovet.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
; Kazakh: installer\Kazakh.isl in the repository, next to this script (a relative MessagesFile is
; read from the script's folder): our own translation of every message of Inno Setup's English
; Default.isl, checked by tests/installer/test_kazakh_isl.py. Default.isl is read first, so a
; message a newer Inno Setup adds shows in English instead of breaking the build. Russian comes
; with Inno Setup.
Name: "kk"; MessagesFile: "compiler:Default.isl,Kazakh.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
kk.DesktopIcon=Жұмыс үстелінде таңбаша жасау
ru.DesktopIcon=Создать значок на рабочем столе
kk.Launch=Методсоветті іске қосу
ru.Launch=Запустить Методсовет
kk.DataKept=Дерекқор мен резервтік көшірмелер жойылмайды: олар пайдаланушы қалтасында қалады.
ru.DataKept=База данных и резервные копии не удаляются: они остаются в папке пользователя.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; A postinstall entry runs as the user who started Setup, not elevated, even after "all users".
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only a stray __pycache__ inside the program's own folder (the frozen program reads its modules
; from the archive in metodsovet.exe and should never write one). The database, backups and logs
; live in the user's data folder (%LOCALAPPDATA%\Metodsovet\Metodsovet) and are never deleted.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    SuppressibleMsgBox(CustomMessage('DataKept'), mbInformation, MB_OK, IDOK);
end;

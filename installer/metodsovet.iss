; Inno Setup 6 script for Metodsovet: a per-user install of the PyInstaller one-folder bundle.
; Build on Windows: installer\build.ps1 (it runs PyInstaller, then ISCC on this file).
; The bundle layout it expects (dist\metodsovet\):
;   metodsovet.exe, _internal\ (Python, Qt, PySide6 plugins incl. platforms\qwindows.dll,
;   translations\qtbase_kk.qm + qtbase_ru.qm, resources\ (fonts + licence, icons, presets, demo),
;   translations\kk|ru\LC_MESSAGES\messages.po, desktop_app\storage\migrations\, schema.json)

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
; Kazakh uses Inno Setup's unofficial Kazakh.isl (Languages\Unofficial in the Inno Setup sources);
; build.ps1 copies it next to this script as Kazakh.isl and refuses to build without it.
Name: "kk"; MessagesFile: "Kazakh.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
kk.DesktopIcon=Жұмыс үстелінде белгіше жасау
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
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program writes inside its own folder. The database, backups and logs live in the
; user's data folder (%LOCALAPPDATA%\Metodsovet) and are never deleted by the uninstaller.
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
    SuppressibleMsgBox(CustomMessage('DataKept'), mbInformation, MB_OK, IDOK);
end;

; Inno Setup script for timeline-app on Windows (x64). NOT BUILT OR TESTED HERE: written from the Inno Setup
; documentation; see packaging/README.md, "Windows".
;
; First build the one-folder bundle on Windows (it holds the windowed timeline-app.exe and its console twin
; timeline-app-cli.exe for validate/export/render):
;     py -3.12 -m venv packaging\.venv-build
;     packaging\.venv-build\Scripts\pip install -e . "pyinstaller>=6.10,<7"
;     packaging\.venv-build\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\timeline-app.spec
;     dist\timeline-app\timeline-app-cli.exe --smoke
; then the installer (Inno Setup 6.3 or newer), with the version of timeline_app/__init__.py:
;     iscc /DAppVersion=0.1.0 packaging\windows\timeline-app.iss
; which writes dist\timeline-app-0.1.0-windows-x64-setup.exe.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\timeline-app.iss
#endif

#define AppName "Timeline"
#define AppExe "timeline-app.exe"
#define Bundle "..\..\dist\timeline-app"
#define ProgId "TimelineApp.Chronology"

[Setup]
; the AppId identifies the app for upgrades and uninstall: never change it
AppId={{F64B18F9-2435-45D3-A0A9-839356CA6F09}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=timeline-app contributors
AppComments=A desktop viewer for chronologies
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; install for everyone (administrator) or just for me, as the user chooses
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 runs on Windows 10 (1809) and newer
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=timeline-app-{#AppVersion}-windows-x64-setup
SetupIconFile=timeline-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "List {#AppName} under ""Open with"" for .yaml and .yml files"; GroupDescription: "File types:"

[Files]
; the whole PyInstaller bundle: timeline-app.exe, timeline-app-cli.exe, _internal\ (Python, Qt, the shipped
; chronology in _internal\events, the icons and schema in _internal\resources)
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an upgrade replaces the bundle as a whole: no stale module from an older version may stay behind
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "A desktop viewer for chronologies"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" for YAML files, without taking the default program away from whatever the user chose
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.yml\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Chronology (YAML)"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".yaml"; ValueData: ""; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".yml"; ValueData: ""; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

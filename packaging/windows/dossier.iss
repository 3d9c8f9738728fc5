; Inno Setup script for Dossier on Windows (x64). Build on Windows, after the bundle:
;   packaging\build.sh's steps by hand (see packaging\README.md), then
;   iscc /DAppVersion=0.1.0 packaging\windows\dossier.iss
; Output: dist\dossier-<version>-windows-x64-setup.exe
;
; Vaults live in the user data folder (%LOCALAPPDATA%\Dossier, from platformdirs), never
; in {app}. This script never names that folder, so neither an upgrade nor the uninstaller
; can touch a vault.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z dossier.iss (desktop/__init__.py)
#endif

[Setup]
; A fixed AppId makes a newer installer upgrade the older installation in place.
AppId={{6B0F5D8E-3C1A-4E57-9A2D-5F1C8E7B9A40}
AppName=Dossier
AppVersion={#AppVersion}
AppVerName=Dossier {#AppVersion}
AppPublisher=The Dossier developers
DefaultDirName={autopf}\Dossier
DefaultGroupName=Dossier
DisableProgramGroupPage=yes
; Installs for the current user without administrator rights; an administrator may choose
; all users in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=dossier-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\dossier.exe
UninstallDisplayName=Dossier {#AppVersion}
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the frozen libraries whole, so no module of an older version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; dossier.exe (windowed app) and dossier-cli.exe (console: CLI and --self-test).
Source: "..\..\dist\dossier\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Dossier"; Filename: "{app}\dossier.exe"
Name: "{group}\Dossier self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\dossier-cli.exe"" --self-test"; Comment: "Check this installation (never touches your vaults)"
Name: "{autodesktop}\Dossier"; Filename: "{app}\dossier.exe"; Tasks: desktopicon

[Registry]
; Sync bundles (*.dossier) open in Dossier's import dialog. HKA is HKCU for a per-user
; install and HKLM for all users.
Root: HKA; Subkey: "Software\Classes\.dossier"; ValueType: string; ValueName: ""; ValueData: "Dossier.SyncBundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.dossier"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-dossier-bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Dossier.SyncBundle"; ValueType: string; ValueName: ""; ValueData: "Dossier sync bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Dossier.SyncBundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\dossier.exe,0"
Root: HKA; Subkey: "Software\Classes\Dossier.SyncBundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\dossier.exe"" --import-bundle ""%1"""

[UninstallDelete]
; Only what the app itself left in its own folder; vaults are elsewhere and stay.
Type: filesandordirs; Name: "{app}\_internal"

[Run]
Filename: "{app}\dossier.exe"; Description: "{cm:LaunchProgram,Dossier}"; Flags: nowait postinstall skipifsilent

; Inno Setup 6.3+ script: installs the PyInstaller one-folder bundle of Room Console on Windows.
; Build it with packaging\windows\build.ps1 (which passes the version), or by hand:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\roomconsole.iss
; -> dist\RoomConsole-0.1.0-setup.exe
;
; Command line of the installer (besides Inno's own /SILENT, /VERYSILENT, /DIR=, /TASKS= ...):
;   /PROFILE=path\site.toml   pre-install this room profile (see "Room profile" below)
;   /CURRENTUSER              per-user install without admin rights (default: all users)
; Example for mass roll-out (one profile per site):
;   RoomConsole-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /PROFILE=\\srv\rc\site-042.toml
;
; Room profile: the console reads platformdirs' user_config_dir("RoomConsole") =
; %LOCALAPPDATA%\RoomConsole\room.toml (console/config/loader.py). An all-users (admin) install
; also writes the machine-wide copy %PROGRAMDATA%\RoomConsole\room.toml (platformdirs'
; site_config_dir), from which a user without a profile of their own is seeded. An existing
; profile is kept as room.toml.bak, like the console's own saves. Uninstall keeps profiles.

#define AppName "Room Console"
#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (packaging\windows\build.ps1 does it)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\roomconsole"
#endif

[Setup]
AppId={{6D3C2B8E-4F1A-4C55-9B7E-2A1F0C9D7E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Room Console team
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=RoomConsole-{#AppVersion}-setup
SetupIconFile=..\icons\roomconsole.ico
UninstallDisplayIcon={app}\roomconsole.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update closes a running console first (Restart Manager), and restarts nothing.
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole bundle: no file of the previous version may stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\roomconsole.exe"; WorkingDir: "{app}"
Name: "{group}\{#AppName} (training, no devices)"; Filename: "{app}\roomconsole.exe"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\roomconsole.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\roomconsole.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
const
  ProfileFolder = 'RoomConsole';
  ProfileFile = 'room.toml';

function ProfileSource: String;
begin
  Result := ExpandConstant('{param:PROFILE|}');
end;

{ Where the console looks for the profile: the user's folder, and the machine-wide seed. }
function UserProfilePath: String;
begin
  Result := ExpandConstant('{localappdata}\' + ProfileFolder + '\' + ProfileFile);
end;

function MachineProfilePath: String;
begin
  Result := ExpandConstant('{commonappdata}\' + ProfileFolder + '\' + ProfileFile);
end;

function InitializeSetup: Boolean;
begin
  Result := True;
  if (ProfileSource <> '') and not FileExists(ProfileSource) then
  begin
    Log('Room profile not found: ' + ProfileSource);
    SuppressibleMsgBox('The room profile given with /PROFILE does not exist:' + #13#10 +
      ProfileSource, mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;

{ Copy the site profile to Dest, keeping the previous one as .bak. }
procedure PutProfile(const Dest: String);
begin
  ForceDirectories(ExtractFileDir(Dest));
  if FileExists(Dest) then
    FileCopy(Dest, Dest + '.bak', False);
  if FileCopy(ProfileSource, Dest, False) then
    Log('Room profile installed: ' + Dest)
  else
    SuppressibleMsgBox('Could not write the room profile to ' + Dest, mbError, MB_OK, IDOK);
end;

{ roomctl check-profile names the file, line and field of any mistake. }
procedure CheckProfile(const Path: String);
var
  Code: Integer;
begin
  if Exec(ExpandConstant('{app}\roomctl.exe'), 'check-profile --config "' + Path + '"', '',
          SW_HIDE, ewWaitUntilTerminated, Code) and (Code <> 0) then
  begin
    Log('roomctl check-profile reported problems in ' + Path + ' (exit code ' + IntToStr(Code) + ')');
    SuppressibleMsgBox('The room profile has mistakes; the console will open in repair mode.' +
      #13#10 + 'Check it with: roomctl check-profile --config "' + Path + '"',
      mbError, MB_OK, IDOK);
  end;
end;

procedure CurStepChanged(CurStep: TSetupStep);
begin
  if (CurStep <> ssPostInstall) or (ProfileSource = '') then
    Exit;
  if IsAdminInstallMode then
  begin
    PutProfile(MachineProfilePath);
    CheckProfile(MachineProfilePath);
  end
  else
  begin
    PutProfile(UserProfilePath);
    CheckProfile(UserProfilePath);
  end;
end;

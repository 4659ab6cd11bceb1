; Inno Setup script of the Windows desk installer (run by build.ps1 with /DVersion and
; /DSource). Per-machine install under Program Files; each seat's data stays in its own
; user data folder (platformdirs) and is never removed by the uninstaller.
#ifndef Version
  #define Version "0.0.0"
#endif
[Setup]
AppId={{6B0E2F4B-5E7A-4C1B-9D9B-5EA7DE5C0A11}
AppName=Seatdesk
AppVersion={#Version}
AppPublisher=Seatdesk
DefaultDirName={autopf}\Seatdesk
DefaultGroupName=Seatdesk
OutputDir=..\..\dist\packages
OutputBaseFilename=SeatdeskSetup-{#Version}
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\seatdesk.exe

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Seatdesk"; Filename: "{app}\seatdesk.exe"
Name: "{autodesktop}\Seatdesk"; Filename: "{app}\seatdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\seatdesk.exe"; Description: "{cm:LaunchProgram,Seatdesk}"; Flags: nowait postinstall skipifsilent

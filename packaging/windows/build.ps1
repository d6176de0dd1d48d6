<#
.SYNOPSIS
  Build the Windows bundle and installer: dist\roomconsole\ and dist\RoomConsole-X.Y.Z-setup.exe.

.DESCRIPTION
  Needs: 64-bit Python 3.11+ (py launcher), Inno Setup 6 (ISCC.exe), and the official VLC
  (installed, or its zip unpacked: pass -VlcSource). Run from any folder:
    powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-VlcSource DIR]
  docs\packaging.md explains each step.
#>
param(
  [string]$VlcSource = "",
  [string]$Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
  [switch]$NoInstaller
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

function Run([string]$exe, [string[]]$arguments) {
  & $exe @arguments
  if ($LASTEXITCODE -ne 0) { throw "$exe $arguments failed ($LASTEXITCODE)" }
}

if (-not (Test-Path .venv\Scripts\python.exe)) { Run py @("-3.11", "-m", "venv", ".venv") }
$py = ".venv\Scripts\python.exe"
# Exactly the versions of the committed lock, hash-checked (scripts/update-deps.sh refreshes it).
Run $py @("-m", "pip", "install", "-q", "--require-hashes", "--no-deps", "--only-binary", ":all:",
          "-r", "requirements\build.txt")
Run $py @("-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-e", ".")
Run $py @("-m", "pip", "check")

# Translations: .ts in git, .qm compiled here.
Get-ChildItem ui -Recurse -Filter *.ts | ForEach-Object {
  Run ".venv\Scripts\pyside6-lrelease.exe" @("-silent", $_.FullName, "-qm", ($_.FullName -replace '\.ts$', '.qm'))
}

# libVLC from the official VLC distribution (kept between builds; delete the folder to refresh).
if (-not (Test-Path packaging\windows\vlc\libvlc.dll)) {
  if ($VlcSource) { & packaging\windows\fetch_vlc.ps1 -Source $VlcSource }
  else { & packaging\windows\fetch_vlc.ps1 }
}

Run $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", "dist",
          "--workpath", "build\pyinstaller", "packaging\roomconsole.spec")
$version = & $py -c "from console.version import version; print(version())"
Run "dist\roomconsole\roomctl.exe" @("--version")

if (-not $NoInstaller) {
  Run $Iscc @("/Qp", "/DAppVersion=$version", "packaging\windows\roomconsole.iss")
  Write-Host "build: dist\RoomConsole-$version-setup.exe"
}

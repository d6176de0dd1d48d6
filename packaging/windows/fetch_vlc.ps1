<#
.SYNOPSIS
  Put libVLC from the official VLC distribution into packaging\windows\vlc\ for the bundle.

.DESCRIPTION
  The Windows bundle carries its own libVLC (the official build includes live555, so RTSP
  cameras play). roomconsole.spec copies packaging\windows\vlc\{libvlc.dll,libvlccore.dll,
  plugins\} into the bundle; packaging\hooks\rthook_vlc.py points python-vlc at them.

  Source: the official 64-bit VLC 3.0.x, either the "7zip/zip package" (vlc-3.0.21-win64.zip,
  unpacked) or an installed VLC (C:\Program Files\VideoLAN\VLC). Its bitness must match
  Python's (64-bit). Plugins that Room Console never uses are left out: VLC's own Qt GUI
  (it would load a second Qt into the process), Lua scripts and visualisations.

.EXAMPLE
  # from a downloaded, checked and unpacked official zip
  powershell -File packaging\windows\fetch_vlc.ps1 -Source C:\build\vlc-3.0.21
.EXAMPLE
  # from the zip itself, checking it against the SHA-256 published next to it
  powershell -File packaging\windows\fetch_vlc.ps1 -Zip C:\build\vlc-3.0.21-win64.zip -Sha256 <hash>
#>
param(
  [string]$Source = "$env:ProgramFiles\VideoLAN\VLC",
  [string]$Zip = "",
  [string]$Sha256 = ""
)
$ErrorActionPreference = "Stop"
$Target = Join-Path $PSScriptRoot "vlc"

if ($Zip) {
  if ($Sha256) {
    $actual = (Get-FileHash -Algorithm SHA256 $Zip).Hash
    if ($actual -ne $Sha256.ToUpper()) { throw "SHA-256 of $Zip is $actual, expected $Sha256" }
  } else {
    Write-Warning "no -Sha256 given: the zip is not checked"
  }
  $unpacked = Join-Path $env:TEMP "roomconsole-vlc"
  Remove-Item -Recurse -Force $unpacked -ErrorAction SilentlyContinue
  Expand-Archive -Path $Zip -DestinationPath $unpacked
  $Source = (Get-ChildItem $unpacked -Directory | Select-Object -First 1).FullName
}

foreach ($needed in "libvlc.dll", "libvlccore.dll", "plugins") {
  if (-not (Test-Path (Join-Path $Source $needed))) { throw "$Source has no $needed (not a VLC folder?)" }
}
Remove-Item -Recurse -Force $Target -ErrorAction SilentlyContinue
New-Item -ItemType Directory $Target | Out-Null
Copy-Item (Join-Path $Source "libvlc.dll"), (Join-Path $Source "libvlccore.dll") $Target
Copy-Item -Recurse (Join-Path $Source "plugins") $Target
foreach ($unused in "gui", "lua", "visualization") {
  Remove-Item -Recurse -Force (Join-Path $Target "plugins\$unused") -ErrorAction SilentlyContinue
}
# The plugin cache lists plugins that were removed above: let libVLC rebuild it in memory.
Remove-Item -Force (Join-Path $Target "plugins\plugins.dat") -ErrorAction SilentlyContinue
$version = (Get-Item (Join-Path $Target "libvlc.dll")).VersionInfo.ProductVersion
$size = "{0:N0} MB" -f ((Get-ChildItem -Recurse $Target | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "fetch_vlc: libVLC $version ($size) in $Target"

# Build the Windows installer of the desk on a Windows build machine:
#   1. Python 3.11 or newer (x64) from python.org, and Inno Setup 6 (iscc.exe on PATH);
#   2. in a checkout of Seatdesk:  powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Output: dist\packages\SeatdeskSetup-<version>.exe
# Not built in this project's CI (it runs on Linux): the recipe is kept small so that it
# stays correct by reading. The server is not packaged for Windows.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$venv = "build\venv-packaging"
if (-not (Test-Path "$venv\Scripts\python.exe")) { python -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install --quiet --upgrade pip
& "$venv\Scripts\python.exe" -m pip install --quiet ".[sound,packaging]"
& "$venv\Scripts\pyinstaller.exe" --noconfirm --log-level ERROR --distpath build\pyinstaller\dist `
    --workpath build\pyinstaller\desk packaging\pyinstaller\desk.spec
$version = (& "$venv\Scripts\python.exe" -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
New-Item -ItemType Directory -Force dist\packages | Out-Null
iscc /DVersion=$version /DSource=..\..\build\pyinstaller\dist\seatdesk packaging\windows\seatdesk.iss

# Builds the Windows setup on a Windows PC (PyInstaller does not cross-compile):
#   1. Python 3.11+ from python.org, Inno Setup 6.3+ (ISCC.exe on PATH or in the default folder);
#   2. powershell -ExecutionPolicy Bypass -File installer\build.ps1
# The Kazakh wizard texts are installer\Kazakh.isl in the repository (see installer\README.md).
$ErrorActionPreference = "Stop"
Set-Location (Split-Path $PSScriptRoot -Parent)
if (-not (Test-Path ".venv\Scripts\python.exe")) { py -3.11 -m venv .venv }
.\.venv\Scripts\python.exe -m pip install --quiet -e . "pyinstaller>=6.5,<7"
.\.venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\metodsovet.spec
$size = [math]::Round(((Get-ChildItem dist\metodsovet -Recurse | Measure-Object Length -Sum).Sum) / 1MB)
Write-Host "bundle: dist\metodsovet, $size MB unpacked"
# A windowed program: wait for it explicitly; its one-line result is in the self-test.log of the
# user's log folder (%LOCALAPPDATA%\Metodsovet\Metodsovet\Logs).
$test = Start-Process -FilePath dist\metodsovet\metodsovet.exe -ArgumentList "--self-test" -Wait -PassThru
if ($test.ExitCode -ne 0) { throw "self-test failed (see self-test.log in the user's log folder)" }
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc installer\metodsovet.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup could not compile installer\metodsovet.iss (exit code $LASTEXITCODE)" }

@echo off
rem Runs the whole FTGO stack locally, without Docker: the Windows twin of ./stack, with the same options.
rem Needs only a JDK >= 17 (JAVA_HOME, else java on the PATH).
rem
rem   stack.cmd                        build what changed, start everything, Ctrl-C stops it
rem   stack.cmd --reset                same, starting from empty databases and topics
rem   stack.cmd --help                 options (ports of every component)
rem   stack.cmd token --role admin     prints a token for the running stack (see stack.cmd token --help)
rem   stack.cmd identity               only the identity (JWK set, POST /tokens)
rem   stack.cmd stop                   stops the stack running from this folder, from another window
rem
rem Ctrl-C in this window reaches every process of the stack at once, so each stops on its own; stack.cmd stop
rem from another window stops them in order. After Ctrl-C, cmd asks "Terminate batch job (Y/N)?": the stack
rem is already stopped, either answer is fine.
setlocal
cd /d "%~dp0"

set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java.exe"

rem `stack.cmd token` and `stack.cmd stop` need no fresh build, and token's output must be the token alone;
rem help and version (stack.cmd --help, stack.cmd token --help) come from the launcher's jar as it is
rem `stack.cmd identity` is dev-stack's own code: no service needs building for it
set "MODULES=-pl !system-tests"
if "%~1"=="identity" set "MODULES=-pl dev-stack -am"
set "BUILD=yes"
if "%~1"=="token" if exist "dev-stack\target\dev-stack-cli.jar" set "BUILD=no"
if "%~1"=="stop" if exist "dev-stack\target\dev-stack-cli.jar" set "BUILD=no"
for %%H in (-h --help -V --version) do (
  if "%~1"=="%%H" if exist "dev-stack\target\dev-stack-cli.jar" set "BUILD=no"
  if "%~2"=="%%H" if exist "dev-stack\target\dev-stack-cli.jar" set "BUILD=no"
)
if "%BUILD%"=="yes" (
  echo Building ^(first run downloads dependencies, later runs are incremental^)... 1>&2
  call mvnw.cmd -q -B -DskipTests package %MODULES% 1>&2
  if errorlevel 1 exit /b 1
)

rem Ctrl-C reaches the launcher, whose shutdown hook stops the stack
"%JAVA_CMD%" -jar "dev-stack\target\dev-stack-cli.jar" %*
exit /b %ERRORLEVEL%

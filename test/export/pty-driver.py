"""Runs a command in a pseudo-terminal and answers its prompts, as a person at a terminal would.

Usage: python3 pty-driver.py '<prompt text>' '<json list of answers>' cmd [args...]
Each time the prompt appears, the next answer is typed (with Enter). Prints everything the
terminal showed and exits with the command's exit code.
"""
import json
import os
import pty
import select
import sys

prompt = sys.argv[1].encode()
answers = json.loads(sys.argv[2])
command = sys.argv[3:]

pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

seen = b''
asked = 0
while True:
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready:
        sys.stdout.write('pty-driver: timed out waiting for output\n')
        os.kill(pid, 9)
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    while seen.count(prompt) > asked and asked < len(answers):
        os.write(fd, (answers[asked] + '\n').encode())
        asked += 1

_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))

"""CI for any ledger repository: check --format github, status --fail-on, the pre-commit hook, the Action."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from datetime import date

import pytest
import yaml
from click.testing import CliRunner

from sykj_track.cli import FAIL_ON_EXIT, main
from sykj_track.textsafe import github_data, github_property

from helpers import REPO, figure, goal



@pytest.fixture
def ledger(data):
    data.metric("hitech_enterprises", zh="高新技术企业数量")
    data.source("plan", date(2021, 12, 31), "2022年高新技术企业数量达到4500家，2023年达到5000家。",
                goals=[goal("hitech_enterprises", 2022, 4500, "高新技术企业数量达到4500家"),
                       goal("hitech_enterprises", 2023, 5000, "2023年达到5000家")])
    data.source("news", date(2023, 3, 8), "高新技术企业达到4200家。",
                figures=[figure("hitech_enterprises", 2022, 4200, "高新技术企业达到4200家")])
    return data


def invoke(data, *args):
    return CliRunner().invoke(main, ["--data", str(data.root), *args], catch_exceptions=False)


def test_github_escaping_follows_the_toolkit():
    assert github_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    # A message cannot start a workflow command of its own on a new line, nor colour the log.
    assert "\n" not in github_data("x\n::set-output name=a::b") and "\x1b" not in github_data("\x1b[31m")


def test_check_github_annotates_the_offending_line(ledger, monkeypatch):
    path = ledger.root / "targets" / "news.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("quote = ", "qoute = "), encoding="utf-8")
    monkeypatch.chdir(ledger.root.parent)
    result = invoke(ledger, "check", "--format", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    error = next(line for line in lines if line.startswith("::error "))
    line_no = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "[[figure]]" in text)
    assert error.startswith(f"::error file=data/targets/news.toml,line={line_no},title=sykj-track check::")
    assert "unknown field `qoute`" in error and "%0Afix: did you mean `quote`?" in error
    assert lines[-1].startswith("failed:")


def test_check_github_is_quiet_when_clean(ledger):
    result = invoke(ledger, "check", "--format", "github", "--as-of", "2023-06-30")
    assert result.exit_code == 0
    assert [line for line in result.output.splitlines() if line.startswith("::")] == []


def test_check_github_paths_are_relative_to_the_workspace(ledger, monkeypatch, tmp_path):
    (ledger.root / "targets" / "plan.toml").write_text("[source\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    monkeypatch.chdir(ledger.root / "seeds")
    result = invoke(ledger, "check", "--format", "github")
    assert "::error file=data/targets/plan.toml,line=1," in result.output


def test_status_fail_on_miss(ledger):
    assert invoke(ledger, "status", "--as-of", "2023-06-30").exit_code == 0
    failed = invoke(ledger, "status", "--as-of", "2023-06-30", "--fail-on", "miss")
    assert failed.exit_code == FAIL_ON_EXIT == 3
    assert "2022:hitech_enterprises:level" in failed.output  # the table is still printed, and the culprit named
    # Before the figure was published nothing was missed; filters narrow what can fail.
    assert invoke(ledger, "status", "--as-of", "2022-06-30", "--fail-on", "miss").exit_code == 0
    assert invoke(ledger, "status", "--as-of", "2023-06-30", "--year", "2023", "--fail-on", "miss").exit_code == 0
    assert invoke(ledger, "status", "--as-of", "2022-06-30", "--fail-on", "pending").exit_code == FAIL_ON_EXIT


def _sykj_track_args(command: str) -> list[str]:
    """The arguments of a `sykj-track ...` command line, with ${{ }} and $VAR parts left out."""
    words = shlex.split(command)
    assert words[0] == "sykj-track"
    return [w for w in words[1:] if "$" not in w]


def test_pre_commit_hook_runs_check_when_the_ledger_changes():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "sykj-track-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hook["entry"].split()[:2] == ["sykj-track", "check"]
    files = re.compile(hook["files"])
    assert files.search("targets/2024-work-report.toml") and files.search("seeds/report.txt")
    assert not files.search("README.md")
    result = CliRunner().invoke(main, ["--data", str(REPO), *_sykj_track_args(hook["entry"])])
    assert result.exit_code == 0, result.output


def _action_steps() -> dict[str, dict]:
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    assert all("shell" in step for step in steps if "run" in step)  # composite steps must name a shell
    # Inputs reach the scripts through the environment, never pasted into them (no script injection).
    assert all("${{" not in step.get("run", "") for step in steps)
    for step in steps:
        for value in step.get("env", {}).values():
            for name in re.findall(r"inputs\.([\w-]+)", value):
                assert name in action["inputs"], name
    return {step.get("name", step.get("uses")): step for step in steps}


def _run_step(step: dict, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run an Action step's script as the runner would (bash, the step's env), with this venv's tool."""
    path = os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]
    return subprocess.run(["bash", "-e", "-c", step["run"]], env={**os.environ, "PATH": path, **env},
                          capture_output=True, text=True, timeout=120)


def test_action_installs_the_tool_and_runs_check(ledger):
    steps = _action_steps()
    assert "pip install" in steps["Install sykj-track"]["run"]
    check = _run_step(steps["sykj-track check"], {"DATA": str(ledger.root), "STRICT": "false"})
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout.splitlines()[-1].startswith("ok:")
    path = ledger.root / "targets" / "news.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("4200家", "4300家"), encoding="utf-8")
    broken = _run_step(steps["sykj-track check"], {"DATA": str(ledger.root), "STRICT": "false"})
    assert broken.returncode == 1 and "::error file=" in broken.stdout


def test_action_fails_on_a_miss_only_when_asked(ledger):
    step = _action_steps()["sykj-track status --fail-on"]
    assert _run_step(step, {"DATA": str(ledger.root), "FAIL_ON": ""}).returncode == 0
    assert _run_step(step, {"DATA": str(ledger.root), "FAIL_ON": "miss"}).returncode == FAIL_ON_EXIT
    assert _run_step(step, {"DATA": str(ledger.root), "FAIL_ON": "superseded"}).returncode == 0


def test_the_projects_workflow_uses_the_action_and_the_hook():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "check.yml").read_text(encoding="utf-8"))
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(step.get("uses") == "./" for step in steps)
    assert any("pre-commit" in step.get("run", "") for step in steps)


def test_shell_completion_offers_metric_names(ledger):
    from click.shell_completion import ShellComplete

    complete = ShellComplete(main, {}, "sykj-track", "_SYKJ_TRACK_COMPLETE")
    by_id = complete.get_completions(["--data", str(ledger.root), "show"], "hitech")
    assert [(c.value, c.help) for c in by_id] == [("hitech_enterprises", "高新技术企业数量")]
    by_name = complete.get_completions(["--data", str(ledger.root), "status", "--metric"], "高新")
    assert [c.value for c in by_name] == ["高新技术企业数量"]
    # A directory with no ledger completes nothing, quietly.
    assert complete.get_completions(["--data", str(ledger.root / "nowhere"), "show"], "x") == []


def test_bash_completion_script_is_generated():
    result = CliRunner().invoke(main, [], prog_name="sykj-track", env={"_SYKJ_TRACK_COMPLETE": "bash_source"})
    assert "_SYKJ_TRACK_COMPLETE=bash_complete" in result.output

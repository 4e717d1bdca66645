"""``python -m factcheck``: the same command as ``factcheck``, for environments without the
console script on PATH (a venv not activated, ``pipx run``-less CI images)."""

from factcheck.cli import main

if __name__ == "__main__":
    main()

from noticeboard.cli import app

app()

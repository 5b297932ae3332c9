"""The Textual app: four panes over `kzreader.library`, which never imports this package."""

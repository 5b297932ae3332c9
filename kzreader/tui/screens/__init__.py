"""The app's screens: loading, the corpus problem, the main four panes, help and linked events."""

from kzreader.cli import main

raise SystemExit(main())

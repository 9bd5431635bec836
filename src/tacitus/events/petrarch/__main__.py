"""``python -m tacitus.events.petrarch FOLDER``: the PETRARCH unit-test pass rate."""
from .suite import main

raise SystemExit(main())

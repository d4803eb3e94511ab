// A worker whose code cannot load, as when a runtime dependency is missing from an installation.
import 'fieldbook-package-that-is-not-installed';

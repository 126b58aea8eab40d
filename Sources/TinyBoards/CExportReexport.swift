// The report sizes a model through the C exporter (`ModelFootprint` exports it to count its C arena
// and constants). Re-exported so that Report/ keeps compiling unchanged; once Report/ imports
// TinyCExport itself this file goes.
@_exported import TinyCExport

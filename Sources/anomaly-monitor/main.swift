print("anomaly-monitor: not implemented yet")

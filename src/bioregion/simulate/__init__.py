"""The agent-based bioRegion model, scenarios, calibration and sweeps."""

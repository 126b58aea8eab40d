// MotorAnomaly: placeholder until implemented.

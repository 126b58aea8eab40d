// GestureRecognition: placeholder until implemented.

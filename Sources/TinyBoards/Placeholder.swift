// TinyBoards: placeholder until implemented.

"""The voice side: voice profiles (the cast), the engines behind one interface, rendering lines
to audio in worker processes (locally or through the synthesis server) and the line cache."""

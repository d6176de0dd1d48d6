"""Device protocols: VISCA cameras, audio mixers, codecs, video players. Qt-free, console-free."""

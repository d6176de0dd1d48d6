"""Room Console core: config, room model, services, CLI. Qt-free."""

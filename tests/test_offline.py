import socket

import pytest

from tests.conftest import NetworkBlocked


def test_the_suite_cannot_reach_the_network() -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9), timeout=0.5)

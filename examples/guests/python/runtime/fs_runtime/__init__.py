# Licensed under the Apache License, Version 2.0 (http://www.apache.org/licenses/LICENSE-2.0).
"""fssdk-java's Python guest runtime: the ``processor`` world's exports over a user's ``fs_api`` operator."""

"""The point-in-time answers: ``answers.Service`` and the answerers it is composed of, the models it answers
with (``models``), and how it puts things in words (``texts``, ``changes``). Nothing here knows about HTTP."""

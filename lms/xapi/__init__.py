"""xAPI in Chaînon: the rules of statements (pure Python), then the LRS."""

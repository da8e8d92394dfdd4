"""factbot: news articles in, a cited fact base out, answers in Discord."""

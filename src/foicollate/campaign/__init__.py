"""The campaign workspace: replies tracked against the bodies asked, the clock, referrals."""

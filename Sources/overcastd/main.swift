print("overcastd")
